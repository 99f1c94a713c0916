backend "b" {
  oauth2 {
    token_endpoint = "https://as.example/token"
    client_id      = "c"
    client_secret  = env.SECRET
    grant_type     = "client_credentials"
    scope          = join(" ", ["a", "b"])
    retries        = 1 + 2 * 3 % 2
  }
}
