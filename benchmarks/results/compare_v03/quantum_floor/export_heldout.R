# Writes labelled tables that no issue names and that no earlier probe of the
# narrow tables used, as CSV files in the layout of ../mixture_start/export.R
# (the class in the last column "class"), to check the resolution floor of the
# tables' mixture on data it was not chosen on (Debian: r-cran-palmerpenguins,
# r-cran-dslabs, r-cran-mclust, r-cran-mlbench, r-cran-mass):
#   Rscript benchmarks/results/compare_v03/quantum_floor/export_heldout.R /tmp/heldout
args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args)) args[1] else "/tmp/heldout"
dir.create(out, showWarnings = FALSE, recursive = TRUE)
suppressMessages({library(palmerpenguins); library(dslabs); library(mclust); library(mlbench); library(MASS)})
write_set <- function(name, x, y) {
  d <- data.frame(x); d$class <- as.character(y); d <- d[complete.cases(d), ]
  write.csv(d, file.path(out, paste0(name, ".csv")), row.names = FALSE)
  cat(name, nrow(d), ncol(d) - 1, length(unique(d$class)), "\n")
}
p <- as.data.frame(penguins)
write_set("Penguins", p[, c("bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g")], p$species)
data(olive, package = "dslabs")
write_set("Olive regions", olive[, 3:10], olive$region)
write_set("Olive areas", olive[, 3:10], olive$area)
data(banknote, package = "mclust"); write_set("Banknote", banknote[, -1], banknote$Status)
data(thyroid, package = "mclust"); write_set("Thyroid", thyroid[, -1], thyroid$Diagnosis)
data(diabetes, package = "mclust"); write_set("Diabetes", diabetes[, -1], diabetes$class)
data(HouseVotes84, package = "mlbench")
write_set("HouseVotes84", sapply(HouseVotes84[, -1], function(v) as.integer(v == "y")), HouseVotes84$Class)
write_set("Cats", cats[, c("Bwt", "Hwt")], cats$Sex)
data(Shuttle, package = "mlbench"); set.seed(1); s <- Shuttle[sample(nrow(Shuttle), 5000), ]
write_set("Shuttle 5000", s[, -10], s$Class)
data(PimaIndiansDiabetes2, package = "mlbench")
write_set("Pima without zeros", PimaIndiansDiabetes2[, -9], PimaIndiansDiabetes2$diabetes)
