/** The Istio networking API version Argosy writes (v1 since Istio 1.22). */
export const ISTIO_API_VERSION = 'networking.istio.io/v1';
