// Placeholder until its issue lands; replaced by the feature's real page.
export function DagTimelinePage() {
  return <p>DagTimelinePage: not built yet</p>;
}
