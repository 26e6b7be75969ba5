import { RoleGrant, User } from './entities/user.entity';

export * from './entities/user.entity';
export * from './identity.service';
export * from './password';
export * from './identity.module';

export const IDENTITY_ENTITIES = [User, RoleGrant];
