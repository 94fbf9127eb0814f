from jun_desk.cli import main

raise SystemExit(main())
