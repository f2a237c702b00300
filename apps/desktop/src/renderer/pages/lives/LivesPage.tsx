export default function LivesPage() {
  return <div data-testid="page-lives">Lives</div>;
}
