// How a measure's figure is written, with its unit: "57.3%", "12 days", "4.2 per 10,000".

const number = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/** A figure with its unit, as documents print it: "57.3%", "12 days", "4.2 per 10,000". */
export function formatFigure(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined) return '–';
  const n = number.format(value);
  return unit === '%' ? `${n}%` : `${n} ${unit}`;
}
