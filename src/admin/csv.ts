/** RFC 4180 CSV, with a header row; cells that a spreadsheet would run as a formula are defused. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  return [header, ...rows]
    .map((row) => row.map(cell).join(','))
    .join('\r\n')
    .concat('\r\n');
}

/** A phone number (`+61 4•• ••• 156`, `+61491570156`) starts with `+` and is ours, not a formula. */
const PHONE = /^\+[\d •]+$/;
const FORMULA = /^[=+\-@\t\r]/;

function cell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (FORMULA.test(text) && !PHONE.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
