// Component tests render inside a fresh query cache (its own QueryClient, following the fake's
// `changed` events), so no answer leaks from one test into the next.
import type { ReactElement, ReactNode } from 'react';
import { render } from '@testing-library/react';
import type { RenderOptions } from '@testing-library/react';
import { ServiceQueryProvider } from '../hooks/ServiceQueryProvider.tsx';

export function QueryWrapper({ children }: { children: ReactNode }) {
  return <ServiceQueryProvider>{children}</ServiceQueryProvider>;
}

export function renderWithQueries(ui: ReactElement, options: Omit<RenderOptions, 'wrapper'> = {}) {
  return render(ui, { ...options, wrapper: QueryWrapper });
}
