// Placeholder until the statistics screen lands (owned by the statistics page's author; overwrite freely).
export default function StatisticsPage() {
  return <div data-testid="page-statistics">Statistics</div>;
}
