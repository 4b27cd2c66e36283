import { DataSource } from 'typeorm';
import { dataSourceOptions } from 'src/database/data-source-options';

// Used by the TypeORM CLI (npm run migration:*). Needs DATABASE_URL.
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL must be set for the TypeORM CLI');
export default new DataSource(dataSourceOptions(url));
