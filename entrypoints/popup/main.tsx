import { mountPage } from '../../components/app/page';
import { SearchApp, prefetchLookup } from '../../components/app/SearchApp';
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
