#!/usr/bin/env bash
# Deploys one service to the acme namespace: scripts/deploy.sh <service> <version>
set -euo pipefail
service="$1"
version="$2"
manifest="infra/k8s/${service}/deployment.yaml"
[ -f "$manifest" ] || { echo "no manifest at $manifest" >&2; exit 1; }
kubectl -n acme set image "deployment/${service}" "${service}=registry.example.invalid/acme/${service}:${version}"
kubectl -n acme rollout status "deployment/${service}"
