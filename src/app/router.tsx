import { lazy } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { routes } from '../config/routes';
import { AppLayout } from './layout';

// Each page is its own chunk: the first screen loads only what it shows.
const BackupConfigPage = lazy(() =>
  import('../features/backup-config/components/backup-config-page').then((m) => ({
    default: m.BackupConfigPage,
  })),
);
const TasksPage = lazy(() =>
  import('../features/tasks/components/tasks-page').then((m) => ({ default: m.TasksPage })),
);
const DagTimelinePage = lazy(() =>
  import('../features/tasks/components/dag-timeline-page').then((m) => ({
    default: m.DagTimelinePage,
  })),
);

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<Navigate to={routes.backupConfig} replace />} />
        <Route path="backup" element={<BackupConfigPage />} />
        <Route path="tasks" element={<TasksPage />} />
        <Route path="tasks/:id" element={<DagTimelinePage />} />
        <Route path="*" element={<Navigate to={routes.backupConfig} replace />} />
      </Route>
    </Routes>
  );
}
