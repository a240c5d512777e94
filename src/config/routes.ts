/** In-app paths, shared by features that link to each other's pages (features never import each other). */
export const routes = {
  backupConfig: '/backup',
  status: '/status',
  tasks: '/tasks',
  task: (id: string) => `/tasks/${encodeURIComponent(id)}`,
  history: '/history',
  /** The backup form in one tenant's scope (the form's `?tenant=` parameter). */
  backupConfigTenant: (name: string) => `/backup?tenant=${encodeURIComponent(name)}`,
} as const;
