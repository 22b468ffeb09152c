/**
 * The address form's fields, shared by the checkout's delivery address and the account's
 * address book: country first (it decides the labels, and whether a province is asked for, from
 * a list where known), each field's error right under it, announced with it.
 */
import type { ReactNode } from "react";
import {
  type AddressErrors,
  type AddressField,
  type AddressValues,
  addressLabels,
  COUNTRIES,
  countryName,
  needsProvince,
  PROVINCES,
} from "../address.ts";

const COUNTRY_OPTIONS = [...COUNTRIES].sort((a, b) => countryName(a).localeCompare(countryName(b)));

/** The order in which fields are focused when several are wrong. */
export const FIELD_ORDER: AddressField[] = [
  "countryCode",
  "firstName",
  "lastName",
  "address1",
  "address2",
  "city",
  "provinceCode",
  "zip",
  "phone",
];

/** Moves the focus to the first wrong field of a form (its error is read with it). */
export function focusFirstError(form: HTMLFormElement | null, errors: AddressErrors): void {
  const first = FIELD_ORDER.find((field) => errors[field]);
  if (first) form?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
}

/** The form's values after a change: a new country clears the province. */
export function changedAddress(values: AddressValues, field: AddressField, value: string): AddressValues {
  return field === "countryCode"
    ? { ...values, countryCode: value, provinceCode: "" }
    : { ...values, [field]: value };
}

/** The fields of an address, in a two-column grid (one on the narrowest phones). */
export function AddressFields({
  idPrefix,
  values,
  errors,
  onChange,
  section = "shipping",
}: {
  idPrefix: string;
  values: AddressValues;
  errors: AddressErrors;
  onChange(field: AddressField, value: string): void;
  /** The autocomplete section ("shipping"). */
  section?: string;
}) {
  const change = onChange;
  const field = (name: AddressField, label: string, input: ReactNode, options: { full?: boolean } = {}) => (
    <Field
      key={name}
      id={`${idPrefix}-${name}`}
      name={name}
      label={label}
      error={errors[name]}
      full={options.full}
    >
      {input}
    </Field>
  );
  const text = (name: AddressField, autoComplete: string, extra: Record<string, unknown> = {}) => (
    <input
      id={`${idPrefix}-${name}`}
      name={name}
      type={name === "phone" ? "tel" : "text"}
      value={values[name]}
      onChange={(event) => change(name, event.target.value)}
      autoComplete={`${section} ${autoComplete}`}
      aria-invalid={errors[name] ? true : undefined}
      aria-describedby={errors[name] ? `${idPrefix}-${name}-error` : undefined}
      data-testid={`address-${name}`}
      {...extra}
    />
  );

  const labels = addressLabels(values.countryCode);
  const provinces = PROVINCES[values.countryCode];
  const province = needsProvince(values.countryCode);

  return (
    <div className="address-grid">
      {field(
        "countryCode",
        "Country",
        <select
          id={`${idPrefix}-countryCode`}
          name="countryCode"
          value={values.countryCode}
          onChange={(event) => change("countryCode", event.target.value)}
          autoComplete={`${section} country`}
          aria-invalid={errors.countryCode ? true : undefined}
          aria-describedby={errors.countryCode ? `${idPrefix}-countryCode-error` : undefined}
          data-testid="address-countryCode"
        >
          {COUNTRY_OPTIONS.map((code) => (
            <option key={code} value={code}>
              {countryName(code)}
            </option>
          ))}
        </select>,
        { full: true },
      )}
      {field("firstName", "First name (optional)", text("firstName", "given-name"))}
      {field("lastName", "Last name", text("lastName", "family-name", { required: true }))}
      {field("address1", "Address", text("address1", "address-line1", { required: true }), {
        full: true,
      })}
      {field("address2", "Apartment, suite, etc. (optional)", text("address2", "address-line2"), {
        full: true,
      })}
      {field("city", "City", text("city", "address-level2", { required: true }), {
        full: !province,
      })}
      {province &&
        field(
          "provinceCode",
          labels.provinceCode,
          provinces ? (
            <select
              id={`${idPrefix}-provinceCode`}
              name="provinceCode"
              value={values.provinceCode}
              onChange={(event) => change("provinceCode", event.target.value)}
              autoComplete={`${section} address-level1`}
              aria-invalid={errors.provinceCode ? true : undefined}
              aria-describedby={errors.provinceCode ? `${idPrefix}-provinceCode-error` : undefined}
              data-testid="address-provinceCode"
              required
            >
              <option value="">Choose…</option>
              {provinces.map(([code, name]) => (
                <option key={code} value={code}>
                  {name}
                </option>
              ))}
            </select>
          ) : (
            text("provinceCode", "address-level1", {
              required: true,
              maxLength: 8,
              autoCapitalize: "characters",
              placeholder: "e.g. MI",
            })
          ),
        )}
      {field(
        "zip",
        labels.zip,
        text("zip", "postal-code", { autoCapitalize: "characters", spellCheck: false }),
      )}
      {field("phone", "Phone (optional)", text("phone", "tel"))}
    </div>
  );
}

/** A labelled field with its error right under it, announced with the field (aria-describedby). */
function Field({
  id,
  name,
  label,
  error,
  full,
  children,
}: {
  id: string;
  name: AddressField;
  label: string;
  error: string | undefined;
  full?: boolean | undefined;
  children: ReactNode;
}) {
  return (
    <div
      className={`field${full ? " field--full" : ""}${error ? " field--invalid" : ""}`}
      data-testid={`address-field-${name}`}
    >
      <label htmlFor={id}>{label}</label>
      {children}
      {error && (
        <p className="field-error" id={`${id}-error`} data-testid="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
