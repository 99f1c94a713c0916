block "l1" "l2" {
  a = tolist(["x"])
  nested { b = lookup({k = "v"}, "k", "") }
}
# comment
// comment
/* block */
