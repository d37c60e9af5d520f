import type { AppModule } from '../module.ts';

export const module: AppModule = {
  name: 'sync',
};
