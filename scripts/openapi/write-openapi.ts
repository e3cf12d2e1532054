import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { formatOpenapiDocument, generateOpenapiDocument } from '../../proxy/api-docs/openapi-document';

// `npm run openapi`: regenerates docs/openapi.json after a change to the routes or the contract.
const target = path.resolve(import.meta.dirname, '../../docs/openapi.json');
writeFileSync(target, formatOpenapiDocument(await generateOpenapiDocument()));
console.log(`wrote ${path.relative(process.cwd(), target)}`);
