import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ANALYST_EXAMPLES } from '../../../gateway/src/persisted-queries/analyst-examples';
import { tokenStore } from '../api';

/**
 * The analysts' workbench: GraphiQL on the gateway, with the token header ready to fill in (or
 * filled from the dashboard's sign-in) and the example queries open in tabs.
 */
const token = tokenStore.get();
const headers = JSON.stringify({ authorization: `Bearer ${token ?? '<paste a token from npm run token>'}` }, null, 2);
const examples = Object.entries(ANALYST_EXAMPLES).map(([name, query]) => ({ query: `# ${name}\n${query}`, headers: token ? headers : undefined }));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <GraphiQL fetcher={createGraphiQLFetcher({ url: '/graphql' })} defaultTabs={examples} defaultHeaders={token ? headers : undefined} shouldPersistHeaders={false} />
  </StrictMode>,
);
