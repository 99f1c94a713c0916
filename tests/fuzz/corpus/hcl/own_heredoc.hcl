x = <<-EOT
    indented ${env.A}
    EOT
y = coalesce(null, "z")
z = [1, 2][*]
w = default(env.MISSING, "d")
