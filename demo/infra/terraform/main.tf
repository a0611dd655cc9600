# Shared infrastructure. Changes go through `terraform plan` in CI; no console edits.
terraform {
  required_version = ">= 1.6"
}

module "payments_db" {
  source         = "./modules/postgres"
  name           = "payments"
  schema_dir     = "../../services/payments/migrations"
  instance_class = "db.m6g.large"
}

module "cluster" {
  source    = "./modules/k8s"
  manifests = "../k8s"
}
