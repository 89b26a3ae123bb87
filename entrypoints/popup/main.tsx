import { mountPage } from '../../lib/app/page';
import { SearchApp, prefetchLookup } from '../../lib/app/SearchApp';
import { ExplainPageButton } from '../../components/ExplainPageButton';

const q = new URLSearchParams(location.search).get('q') ?? '';
prefetchLookup(q, 'popup');
mountPage(
  <>
    <ExplainPageButton />
    <SearchApp surface="popup" initialQuery={q} />
  </>,
  { width: 420 },
);
