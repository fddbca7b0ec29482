import { Module, type DynamicModule } from '@nestjs/common';
import { healthControllerFor, INFRA, type ServiceInfra } from '@khao/messaging';

@Module({})
export class SocialModule {
  static register(this: void, infra: ServiceInfra): DynamicModule {
    return {
      module: SocialModule,
      controllers: [healthControllerFor('social')],
      providers: [{ provide: INFRA, useValue: infra }],
    };
  }
}
