/** A form's last row: its form-wide error (an alert), the submit button and Cancel. */
export function FormActions({
  error,
  errorTestId,
  busy,
  label,
  busyLabel,
  submitTestId,
  onCancel,
}: {
  /** The error that belongs to no field, or null. */
  error: string | null | undefined;
  errorTestId?: string;
  busy: boolean;
  label: string;
  busyLabel: string;
  submitTestId: string;
  onCancel: () => void;
}) {
  return (
    <>
      {error && (
        <p className="error" role="alert" data-testid={errorTestId}>
          {error}
        </p>
      )}
      <div className="address-form__actions">
        <button type="submit" className="button button--primary" disabled={busy} data-testid={submitTestId}>
          {busy ? busyLabel : label}
        </button>
        <button type="button" className="button" disabled={busy} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </>
  );
}
