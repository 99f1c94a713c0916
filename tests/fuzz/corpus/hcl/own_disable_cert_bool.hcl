definitions {
  backend "b" {
    origin = "https://x.example"
    disable_certificate_validation = true
  }
  backend "c" {
    disable_certificate_validation = "yes"
  }
}
