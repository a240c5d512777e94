import { useChangeCount } from '../hooks/use-form-analysis';
import { useLeaveGuard } from '../hooks/use-leave-guard';
import type { Baseline } from '../model/baseline';
import { LeaveModal } from './leave-modal';

/** Asks before leaving while there are unsent changes. */
export function FormLeaveGuard({ baseline, applied }: { baseline: Baseline; applied: boolean }) {
  const changeCount = useChangeCount(baseline);
  const guard = useLeaveGuard(changeCount > 0 && !applied);
  return (
    <LeaveModal opened={guard.pendingHref !== null} onStay={guard.stay} onLeave={guard.leave} />
  );
}
