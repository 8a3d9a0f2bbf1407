export interface BenchRow {
  readonly metric: string;
  readonly value: string;
  readonly goal: string;
  readonly detail: string;
}

/** Prints rows as an aligned plain-text table. */
export function printTable(rows: readonly BenchRow[]): void {
  const header: BenchRow = { metric: 'metric', value: 'value', goal: 'goal', detail: 'detail' };
  const all = [header, ...rows];
  const width = (key: keyof BenchRow) => Math.max(...all.map((row) => row[key].length));
  const widths = { metric: width('metric'), value: width('value'), goal: width('goal') };
  const line = (row: BenchRow) => `${row.metric.padEnd(widths.metric)}  ${row.value.padStart(widths.value)}  ${row.goal.padEnd(widths.goal)}  ${row.detail}`;
  console.log(line(header));
  console.log('-'.repeat(line(header).length + 20));
  for (const row of rows) console.log(line(row));
}
