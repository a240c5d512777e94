// Placeholder until its issue lands; replaced by the feature's real page.
export function ConnectionScreen() {
  return <p>ConnectionScreen: not built yet</p>;
}
