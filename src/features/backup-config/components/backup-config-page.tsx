// Placeholder until its issue lands; replaced by the feature's real page.
export function BackupConfigPage() {
  return <p>BackupConfigPage: not built yet</p>;
}
