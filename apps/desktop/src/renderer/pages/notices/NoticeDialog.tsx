// The notice dialog's place in the window. Its body (the preview, the send and retry, antd's Modal and
// Checkbox) is a chunk of its own, loaded when a notice is first asked about: the window's start-up
// does not load or render what most starts never show.
import { lazy, Suspense } from 'react';
import { useNoticeStore } from '../../stores/notices.ts';

const NoticeDialogBody = lazy(() => import('./NoticeDialogBody.tsx'));

export function NoticeDialog() {
  const asked = useNoticeStore((s) => s.request !== null);
  return asked ? (
    <Suspense fallback={null}>
      <NoticeDialogBody />
    </Suspense>
  ) : null;
}
