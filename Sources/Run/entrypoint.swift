import App
placeholderBoot()
