import { CTR_FEATURES } from '../recommended-categories/ctr-features.ts';
import { RANKER_FEATURES } from '../product-recommendations/ranker-features.ts';

/** A warehouse table the ML pipelines read but do not write, and who does. */
export interface SourceTable {
  readonly writtenBy: string;
  /** Its columns, where the ML platform defines them (payload logs); unchecked otherwise. */
  readonly columns?: readonly string[];
}

/**
 * Every warehouse table DSRPMart's pipelines read that no pipeline writes: app and business
 * systems, the data platform's feature tables, and the payload logs of the model endpoints.
 * Every other table a query reads must be loaded by a pipeline (`warehouse-load`); a test holds
 * the pipelines to both.
 */
export const SOURCE_TABLES: Readonly<Record<string, SourceTable>> = {
  'analytics.category_impressions': { writtenBy: 'app tracking: home-screen category carousel impressions and clicks' },
  'analytics.product_impressions': {
    writtenBy: 'app tracking: product impressions (recommendation slots, search, category pages) and clicks',
  },
  'catalog.products': { writtenBy: 'catalog service' },
  'crm.user_segments': { writtenBy: 'CRM: the current demographic segment of each user (one row per user)' },
  'inventory.stock_levels': { writtenBy: 'inventory service: daily stock per product and warehouse' },
  'marketing.personal_offers': {
    writtenBy: 'offer service: personal offers shown, and whether the customer bought within the week',
  },
  'merchandising.pinned_products': { writtenBy: 'merchandising tool: products pinned per segment with validity dates' },
  'messaging.notification_sends': {
    writtenBy: 'push service: every delivered outbox row with its features, sent_at and opened_within_2h',
  },
  'ml_features.discount_candidate_features': {
    writtenBy: 'data platform (dbt): daily features of each candidate (customer, product) pair',
  },
  'ml_features.discount_candidates': { writtenBy: 'data platform (dbt): daily selected products per customer' },
  'ml_features.discount_offer_features': {
    writtenBy: 'data platform (dbt): features of each offer as of its offer time',
  },
  'ml_features.product_ranking_candidates': {
    writtenBy: 'candidate generation job: co-viewed, co-bought and category best-seller products per user',
  },
  'ml_features.user_purchase_patterns': {
    writtenBy: 'data platform (dbt): daily shopping times, recency, frequency and notification state per user',
  },
  'ml_logs.ctr_categories_requests': {
    writtenBy: "payload logger: the CTR endpoint's request features",
    columns: [...CTR_FEATURES, 'user_id', 'category_id', 'request_date'],
  },
  'ml_logs.ctr_categories_responses': {
    writtenBy: 'payload logger: the categories the CTR endpoint returned',
    columns: ['user_id', 'category_id', 'category_name', 'score', 'response_date'],
  },
  'ml_logs.product_ranker_requests': {
    writtenBy: "payload logger: the ranking server's request features",
    columns: [...RANKER_FEATURES, 'user_id', 'product_id', 'request_date'],
  },
  'ml_logs.search_requests': { writtenBy: 'payload logger: search queries with their result statistics' },
  'sales.order_lines': { writtenBy: 'order service' },
};
