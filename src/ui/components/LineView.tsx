import { Text } from 'ink';
import { THEME } from '../theme.js';
import { hyperlink } from '../hyperlink.js';
import type { Line } from '../view/lines.js';

/** One screen row of styled spans. Lines arrive already fitted to the width: Ink wraps nothing. */
export function LineView({ line }: { line: Line }) {
  if (line.length === 0) return <Text> </Text>;
  return (
    <Text wrap="truncate">
      {line.map((span, i) => (
        <Text key={i} {...THEME[span.style]}>
          {span.href ? hyperlink(span.href, span.text) : span.text}
        </Text>
      ))}
    </Text>
  );
}

/** Rows of lines, each its own element: exactly `lines.length` rows are mounted. */
export function LinesView({ lines }: { lines: readonly Line[] }) {
  return (
    <>
      {lines.map((line, i) => (
        <LineView key={i} line={line} />
      ))}
    </>
  );
}
