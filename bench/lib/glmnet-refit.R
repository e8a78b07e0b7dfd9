# The refit bench/risk times against NMP's: R glmnet on the same panel, the same way as
# `nmp risk fit` (and EWP's script): the coefficient file's predictors, the complete country-years
# up to two years before the panel's last year, outcome mk_onset_1or2, cv.glmnet with alpha 0.5,
# 10 folds, lambda.min; then the forecast from the last year's complete rows.
#
#   Rscript glmnet-refit.R PANEL.csv COEFFICIENTS.csv OUT.csv
#
# Prints `glmnet_fit_s=SECONDS` (cv.glmnet alone, which fits the whole path and the folds) and
# writes ccode,risk_2yr to OUT.csv.
suppressMessages(library(glmnet))
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1])
p <- read.csv(args[2])$variable
p <- p[p != "(Intercept)"]
outcomes <- intersect(c("mk_onset", "mk_onset_1", "mk_onset_2", "mk_onset_1or2"), names(d))
last <- max(d$year)
train <- d[d$year <= last - 2, c(p, outcomes, "ewp_name", "ccode")]
train <- train[complete.cases(train), ]
test <- d[d$year == last, c(p, "ewp_name", "ccode")]
test <- test[complete.cases(test), ]
set.seed(90035)
start <- Sys.time()
cv <- cv.glmnet(y = train$mk_onset_1or2, x = as.matrix(train[, p]), alpha = 0.5, family = "binomial")
elapsed <- as.numeric(difftime(Sys.time(), start, units = "secs"))
risk <- as.numeric(predict(cv, newx = as.matrix(test[, p]), s = "lambda.min", type = "response"))
write.csv(data.frame(ccode = test$ccode, risk_2yr = risk), args[3], row.names = FALSE)
cat(sprintf("glmnet_fit_s=%.4f\n", elapsed))
cat(sprintf("glmnet_rows=%d\n", nrow(train)))
cat(sprintf("glmnet_lambda_min=%.7f\n", cv$lambda.min))
cat(sprintf("glmnet_version=%s\n", as.character(packageVersion("glmnet"))))
cat(sprintf("r_version=%s\n", R.version.string))
