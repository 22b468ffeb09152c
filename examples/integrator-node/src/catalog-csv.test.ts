import { createReadStream } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { CatalogFileError, planProducts, readCatalogCsv } from "./catalog-csv.ts";

const read = (text: string) => readCatalogCsv(Readable.from([text]));

describe("readCatalogCsv", () => {
  it("numbers rows by the line they start on, with LF or CRLF, blank lines and quoted line breaks", async () => {
    for (const eol of ["\n", "\r\n"]) {
      const text = ["handle,price", "a,1", `"b${eol}x",2`, "", "c,3", "d,4,5"].join(eol);
      const { rows, errors } = await read(text);
      expect(rows.map((r) => [r.line, r.fields.handle])).toEqual([
        [2, "a"],
        [3, `b${eol}x`],
        [6, "c"],
      ]);
      expect(errors).toEqual([{ line: 7, handle: "d", reason: "has 3 fields; the header has 2" }]);
    }
  });

  it("takes columns in any order and case, ignores a BOM, and refuses unknown or missing columns", async () => {
    const { rows } = await read("\uFEFFPrice, Handle ,\n1.00,a,\n");
    expect(rows).toEqual([{ line: 2, fields: { price: "1.00", handle: "a" } }]);
    await expect(read("handle,price,colour\n")).rejects.toThrow(
      new CatalogFileError(
        "Unknown columns: colour. Known: handle, title, description, vendor, productType, tags, status, option1Name, option1Value, option2Name, option2Value, option3Name, option3Value, sku, price, compareAtPrice, inventoryQuantity.",
      ),
    );
    await expect(read("handle,title\n")).rejects.toThrow("The header lacks the required columns: price.");
    await expect(read('handle,price\n"a,1\n')).rejects.toThrow(/not valid CSV/);
  });

  it("refuses a file it cannot read with one clear message", async () => {
    const missing = join(tmpdir(), "no-such-catalog.csv");
    await expect(readCatalogCsv(createReadStream(missing))).rejects.toThrow(
      new CatalogFileError(`No such file: ${missing}.`),
    );
    await expect(readCatalogCsv(createReadStream(tmpdir()))).rejects.toThrow(
      /^The file cannot be read: EISDIR/,
    );
  });
});

describe("planProducts", () => {
  it("tells a negative price, too many digits and a malformed number apart", () => {
    const row = (line: number, price: string, compareAtPrice = "") => ({
      line,
      fields: { handle: `p${line}`, title: "P", price, compareAtPrice },
    });
    const { products, errors } = planProducts([
      row(2, "-5.00"),
      row(3, "12345678901234567890"),
      row(4, "1.2.3"),
      row(5, "1.1234567"),
      row(6, "12.50", "-1"),
      row(7, "12.50", "15"),
    ]);
    expect(errors.map((e) => [e.line, e.reason])).toEqual([
      [2, 'price "-5.00" is negative: prices are 0 or more'],
      [3, 'price "12345678901234567890" has more than 15 digits before the decimal point'],
      [4, 'price "1.2.3" is not a decimal such as 12.50'],
      [5, 'price "1.1234567" has more than 6 digits after the decimal point'],
      [6, 'compareAtPrice "-1" is negative: prices are 0 or more'],
    ]);
    expect(products.map((p) => p.handle)).toEqual(["p7"]);
  });

  it("groups rows by handle wherever they are, options in first-use order", () => {
    const row = (line: number, fields: Record<string, string>) => ({ line, fields });
    const { products, errors } = planProducts([
      row(2, { handle: "tee", title: "Tee", option1Name: "Size", option1Value: "M", price: "10" }),
      row(3, { handle: "mug", title: "Mug", price: "5" }),
      row(4, { handle: "tee", option1Value: "S", price: "10", inventoryQuantity: "3" }),
      row(5, { handle: "tee", option1Name: "Colour", option1Value: "L", price: "10" }),
    ]);
    expect(errors).toEqual([
      { line: 5, handle: "tee", reason: "option1Name differs from the product's first row (line 2)" },
    ]);
    expect(
      products.map((p) => [p.handle, p.options, p.variants.map((v) => [v.line, v.inventoryQuantity])]),
    ).toEqual([
      [
        "tee",
        [{ name: "Size", values: ["M", "S"] }],
        [
          [2, null],
          [4, 3],
        ],
      ],
      ["mug", [], [[3, null]]],
    ]);
  });
});
