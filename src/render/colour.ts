/** ANSI styling that is a no-op unless the output is a terminal. */
export interface Palette {
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

const style = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

export function palette(enabled: boolean): Palette {
  if (!enabled) {
    const plain = (text: string) => text;
    return { red: plain, yellow: plain, green: plain, dim: plain, bold: plain };
  }
  return { red: style(31, 39), yellow: style(33, 39), green: style(32, 39), dim: style(2, 22), bold: style(1, 22) };
}
