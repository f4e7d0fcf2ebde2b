# Writes the labelled sets of R's mlbench package (Debian: r-cran-mlbench) as CSV files,
# the class in the last column named "class", rows with missing values dropped:
#   Rscript benchmarks/results/compare_v03/mixture_start/export.R /tmp/mlbench
args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args)) args[1] else "/tmp/mlbench"
dir.create(out, showWarnings = FALSE, recursive = TRUE)
library(mlbench)
sets <- list(Glass = "Type", Ionosphere = "Class", Sonar = "Class", Vehicle = "Class",
             Vowel = "Class", Satellite = "classes", LetterRecognition = "lettr",
             Shuttle = "Class", PimaIndiansDiabetes = "diabetes", Zoo = "type",
             DNA = "Class")
for (name in names(sets)) {
  e <- new.env(); data(list = name, envir = e); d <- get(name, envir = e)
  y <- d[[sets[[name]]]]; d[[sets[[name]]]] <- NULL
  d <- data.frame(lapply(d, function(col) as.numeric(if (is.factor(col)) as.character(col) else col)))
  d$class <- as.character(y)
  d <- d[complete.cases(d), ]
  keep <- sapply(d, function(col) !is.numeric(col) || var(col) > 0); d <- d[, keep]
  write.csv(d, file.path(out, paste0(name, ".csv")), row.names = FALSE)
  cat(name, nrow(d), ncol(d) - 1, length(unique(d$class)), "\n")
}
