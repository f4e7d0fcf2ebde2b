# Writes more labelled tables that no issue names, as CSV files in the layout
# of ../mixture_start/export.R (the class in the last column "class"):
# mlbench's generators (waveform, twonorm, threenorm, ringnorm; seed 1) and
# MASS's crabs and biopsy (Debian: r-cran-mlbench, r-cran-mass):
#   Rscript benchmarks/results/compare_v03/narrow_tables/export_more.R /tmp/mlbench
args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args)) args[1] else "/tmp/mlbench"
dir.create(out, showWarnings = FALSE, recursive = TRUE)
library(mlbench); library(MASS)
write_set <- function(name, x, y) {
  d <- data.frame(x); d$class <- as.character(y); d <- d[complete.cases(d), ]
  write.csv(d, file.path(out, paste0(name, ".csv")), row.names = FALSE)
  cat(name, nrow(d), ncol(d) - 1, length(unique(d$class)), "\n")
}
set.seed(1)
for (g in list(list("Waveform", mlbench.waveform, 3000), list("Twonorm", mlbench.twonorm, 2000),
               list("Threenorm", mlbench.threenorm, 2000), list("Ringnorm", mlbench.ringnorm, 2000))) {
  s <- g[[2]](g[[3]]); write_set(g[[1]], s$x, s$classes)
}
write_set("Crabs", crabs[, c("FL", "RW", "CL", "CW", "BD")], paste(crabs$sp, crabs$sex))
write_set("Biopsy", biopsy[, 2:10], biopsy$class)
