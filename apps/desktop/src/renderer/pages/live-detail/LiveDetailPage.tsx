export default function LiveDetailPage() {
  return <div data-testid="page-live-detail">LiveDetail</div>;
}
