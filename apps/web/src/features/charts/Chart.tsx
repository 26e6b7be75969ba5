import ReactEChartsCore from 'echarts-for-react/lib/core';
import type { EChartsCoreOption } from 'echarts/core';
import { useEffect, useState } from 'react';
import { echarts } from './echarts';

/**
 * An ECharts chart (only the chart types the app uses are bundled, in their own chunk). `data-rendered` turns
 * true once the chart finished drawing, so tests and screenshots wait for it instead of catching bars mid-animation.
 */
export default function Chart({ option, height = 280, label }: { option: EChartsCoreOption; height?: number; label: string }) {
  const [rendered, setRendered] = useState(false);
  const key = JSON.stringify(option); // new data: drawing starts again (functions such as formatters do not count)
  useEffect(() => setRendered(false), [key]);
  return (
    <div role="img" aria-label={label} data-rendered={rendered}>
      <ReactEChartsCore
        echarts={echarts}
        option={{ textStyle: { fontFamily: "'Noto Sans SC', sans-serif" }, ...option }}
        style={{ height }}
        notMerge
        onEvents={{ finished: () => setRendered(true) }}
      />
    </div>
  );
}
