import type { DashboardOverviewDto } from '@app/contracts';
import { completionChart, openWorkChart, taskStateChart } from './dashboard-charts';

const labels = { inProgress: 'Đang xử lý', dueSoon: 'Sắp đến hạn', overdue: 'Quá hạn', onTime: 'Đúng hạn', states: { assigned: 'Mới giao', in_progress: 'Đang thực hiện', completed: 'Chờ nghiệm thu', accepted: 'Đã hoàn thành' } };
const overview = {
  openWorkByUnit: [
    { unit: { id: 'a', name: 'Vụ Pháp chế' }, inProgress: 5, dueSoon: 1, overdue: 2 },
    { unit: { id: 'b', name: 'Văn phòng' }, inProgress: 0, dueSoon: 0, overdue: 0 },
  ],
  tasksByState: { assigned: 1, in_progress: 2, completed: 3, accepted: 4, overdue: 1 },
} as unknown as DashboardOverviewDto;

describe('dashboard charts', () => {
  it('stacks a unit’s open work so that the bar is as long as all of it', () => {
    const data = openWorkChart(overview, labels);
    expect(data.labels).toEqual(['Vụ Pháp chế']);
    expect(data.datasets.map((set) => set.data[0])).toEqual([2, 1, 2]);
  });

  it('shows tasks by state and completion rates in percent', () => {
    expect(taskStateChart(overview, labels).datasets[0].data).toEqual([1, 2, 3, 4]);
    const rates = completionChart({ from: '', to: '', byPerson: [], byUnit: [{ unit: { id: 'a', name: 'Vụ Pháp chế' }, accepted: 3, onTime: 2, rate: 2 / 3 }, { unit: null, accepted: 0, onTime: 0, rate: null }] }, labels);
    expect(rates.labels).toEqual(['Vụ Pháp chế']);
    expect(rates.datasets[0].data).toEqual([66.7]);
  });
});
