import { ClustersOverview } from '../features/clusters/components/clusters-overview';
import { StatusPage } from '../features/status/components/status-page';
import { ClusterStatusSummary } from '../features/status/components/cluster-status-summary';

// Built once: the overview renders it inside each unlocked cluster's own ObshellProvider.
const summary = <ClusterStatusSummary />;
const overview = <ClustersOverview summary={summary} />;

/**
 * `/status` as the app composes it: the status feature's page with the clusters feature's
 * overview above its table, each unlocked cluster's card showing the status feature's summary.
 * Neither feature imports the other; this is where they meet.
 */
export function StatusRoute() {
  return <StatusPage overview={overview} />;
}
