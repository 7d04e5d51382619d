import { project } from 'argosy';
import { dsrpmartArgoCd } from './argocd.ts';
import { discounts } from './discounts/index.ts';
import { production, staging } from './environments.ts';
import { notifications } from './notifications/index.ts';
import { popularProductsApp } from './popular-products/index.ts';
import { productRecommendations } from './product-recommendations/index.ts';
import { recommendedCategories } from './recommended-categories/index.ts';
import { search } from './search/index.ts';

export { production, staging } from './environments.ts';

/** DSRPMart: the reference project `argosy synth` builds by default, six ML use cases in two environments. */
export default project('dsrpmart', {
  environments: [staging, production],
  apps: [discounts, recommendedCategories, notifications, productRecommendations, search, popularProductsApp],
  argocd: dsrpmartArgoCd,
});
