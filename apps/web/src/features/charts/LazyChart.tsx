import { lazy, Suspense, type ComponentProps } from 'react';

const Chart = lazy(() => import('./Chart'));

/** Charts load with their own chunk (ECharts is large), after the page's figures. */
export function LazyChart(props: ComponentProps<typeof Chart>) {
  return (
    <Suspense fallback={<div style={{ height: props.height ?? 280 }} />}>
      <Chart {...props} />
    </Suspense>
  );
}
