import type { ChartConfiguration } from 'chart.js';
import type { CompletionDto, DashboardOverviewDto } from '@app/contracts';

/** Colours that keep their meaning across the charts: late is red, soon is amber, open is blue. */
export const CHART_COLOURS = { open: '#3f6fb5', soon: '#e0a100', late: '#c62828', done: '#2e7d32', waiting: '#7b5ea7', assigned: '#90a4ae' };

export interface ChartLabels {
  inProgress: string;
  dueSoon: string;
  overdue: string;
  onTime: string;
  states: { assigned: string; in_progress: string; completed: string; accepted: string };
}

/** Open incoming work per unit (units with none left out): in progress, of which due soon and overdue. */
export function openWorkChart(overview: DashboardOverviewDto, labels: ChartLabels): ChartConfiguration<'bar'>['data'] {
  const units = overview.openWorkByUnit.filter((row) => row.inProgress > 0);
  return {
    labels: units.map((row) => row.unit.name),
    datasets: [
      { label: labels.inProgress, data: units.map((row) => row.inProgress - row.dueSoon - row.overdue), backgroundColor: CHART_COLOURS.open, stack: 'work' },
      { label: labels.dueSoon, data: units.map((row) => row.dueSoon), backgroundColor: CHART_COLOURS.soon, stack: 'work' },
      { label: labels.overdue, data: units.map((row) => row.overdue), backgroundColor: CHART_COLOURS.late, stack: 'work' },
    ],
  };
}

export function taskStateChart(overview: DashboardOverviewDto, labels: ChartLabels): ChartConfiguration<'doughnut'>['data'] {
  const states = ['assigned', 'in_progress', 'completed', 'accepted'] as const;
  return {
    labels: states.map((state) => labels.states[state]),
    datasets: [{ data: states.map((state) => overview.tasksByState[state]), backgroundColor: [CHART_COLOURS.assigned, CHART_COLOURS.open, CHART_COLOURS.waiting, CHART_COLOURS.done] }],
  };
}

/** On-time completion rate per unit, in percent. */
export function completionChart(completion: CompletionDto, labels: ChartLabels): ChartConfiguration<'bar'>['data'] {
  const units = completion.byUnit.filter((row) => row.rate !== null);
  return {
    labels: units.map((row) => row.unit?.name ?? '—'),
    datasets: [{ label: labels.onTime, data: units.map((row) => Math.round((row.rate ?? 0) * 1000) / 10), backgroundColor: CHART_COLOURS.done }],
  };
}
