import { Module, type DynamicModule } from '@nestjs/common';
import { healthControllerFor, INFRA, type ServiceInfra } from '@khao/messaging';

@Module({})
export class TranslationModule {
  static register(this: void, infra: ServiceInfra): DynamicModule {
    return {
      module: TranslationModule,
      controllers: [healthControllerFor('translation')],
      providers: [{ provide: INFRA, useValue: infra }],
    };
  }
}
