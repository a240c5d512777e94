import { Badge, type MantineSize } from '@mantine/core';
import type { TaskOperator, TaskState } from '../../../lib/obshell/dag';
import { useMessages } from '../../../lib/i18n/messages';
import { stateAppearance, toDisplayState, toneColor } from '../model/display-state';
import { taskMessages } from '../messages';

/** A state as glyph + words (colour only reinforces them). */
export function StateBadge({
  state,
  operator,
  size = 'md',
}: {
  state: TaskState;
  operator: TaskOperator;
  size?: MantineSize;
}) {
  const t = useMessages(taskMessages);
  const display = toDisplayState(state, operator);
  const look = stateAppearance(display);
  return (
    <Badge
      size={size}
      variant="light"
      color={toneColor[look.tone]}
      tt="none"
      leftSection={<span aria-hidden="true">{look.icon}</span>}
      data-state={display}
    >
      {t.state(display)}
    </Badge>
  );
}
