/**
 * For the TypeORM CLI only (`npm run migration:generate -- migrations/Name`): the entities are
 * found by pattern here; the application registers them per module.
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../database/data-source-options';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL must be set to generate or run migrations from the CLI');

export default new DataSource({
  ...dataSourceOptions(url),
  entities: [__dirname + '/../../**/*.entity.ts'],
});
