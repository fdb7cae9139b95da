// The names `--format` accepts, without importing the reporters or the schedule (the CLI checks
// the option before it loads anything heavy). test/report/formats.test.ts keeps these lists
// equal to `reporters` and `scheduleFormats`.
export const formatNames: readonly string[] = ['stylish', 'json', 'github', 'sarif', 'junit']
export const scheduleFormatNames: readonly string[] = ['table', 'csv', 'ics']
