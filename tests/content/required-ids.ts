/** The ids ../shared/PACK-SPEC.md requires of the bundled packs (tests and acceptance checks use them). */
export const REQUIRED_IDS = [
  'mpls-ch19', 'mpls-19.10', 'mpls-19.20', 'mpls-19.30', 'mpls-ch19-2025', 'mpls-eo-2025-02',
  'mpd-immigration-policy', 'mpd-memo-2025-06', 'mpls-guidance-ice-2026', 'mpls-guidance-business',
  'mpls-oira', 'mpls-u-t-visa-2017', 'mpls-municipal-id-2018', 'mprb-staging-2026',
  'usc-8-1357g', 'usc-8-1373', 'cfr-8-287.7', 'ice-warrants', 'hennepin-detainer-policy',
  'mn-ag-opinion-2025', 'esparza-v-nobles', 'stpaul-ch44', 'stpaul-ch268', 'mn-north-star-act',
  'mounds-view-1056',
  'doj-v-minnesota-2025', 'operation-metro-surge', 'renee-good-shooting', 'mn-v-dhs-2026', 'menendez-order-2026',
  'doj-walz-frey-investigation-2026', 'dhs-sanctuary-list-2025', 'eo-14287', 'lake-street-audit-2025', 'national-guard-2026',
  'term-separation-ordinance', 'term-sanctuary-city', 'term-welcoming-city', 'term-civil-immigration-enforcement',
  'term-staging-area', 'term-city-property', 'term-non-public-area', 'term-public-safety-officials',
  'term-element-of-the-crime', 'term-detainer', 'term-administrative-warrant', 'term-judicial-warrant',
  'term-287g', 'term-section-1373', 'term-form-i9', 'term-notice-of-inspection', 'term-u-visa', 'term-t-visa',
  'term-matricula-consular', 'term-crowd-control', 'term-perimeter', 'term-legal-observer', 'term-know-your-rights',
  'term-basic-ordering-agreement', 'term-subpoena', 'term-ice', 'term-anti-commandeering', 'term-preemption',
  'term-dhs', 'term-uscis', 'term-hsi', 'term-border-patrol',
] as const;
