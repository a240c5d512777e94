// Placeholder until its issue lands; replaced by the feature's real page.
export function TasksPage() {
  return <p>TasksPage: not built yet</p>;
}
