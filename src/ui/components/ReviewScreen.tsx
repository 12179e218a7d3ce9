import { Box } from 'ink';
import type { Layout } from '../layout.js';
import type { Line } from '../view/lines.js';
import type { Screen } from '../view/screen.js';
import { LinesView, LineView } from './LineView.js';

/**
 * The frame: header, list, separator, details, footer — or the help overlay in place of the
 * list and details. Its height is the layout's (≤ terminal rows - 1), never more.
 */
export function ReviewScreen({ screen, layout, help }: { screen: Screen; layout: Layout; help: Line[] | null }) {
  return (
    // No overflow clipping: every line already fits (clipping makes Ink slice every row again).
    <Box flexDirection="column" width={layout.width} height={layout.height}>
      <LinesView lines={screen.header} />
      <Box flexDirection="column" flexGrow={1}>
        {help ? (
          <LinesView lines={help} />
        ) : (
          <>
            <LinesView lines={screen.list} />
            {layout.separatorHeight > 0 && <LineView line={screen.separator} />}
            <LinesView lines={screen.detail} />
          </>
        )}
      </Box>
      <LinesView lines={screen.footer} />
    </Box>
  );
}
